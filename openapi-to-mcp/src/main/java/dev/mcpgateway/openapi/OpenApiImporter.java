package dev.mcpgateway.openapi;

import dev.mcpgateway.openapi.mapping.OperationRef;
import dev.mcpgateway.openapi.mapping.OperationWalker;
import dev.mcpgateway.openapi.mapping.ToolMapper;
import dev.mcpgateway.openapi.naming.ToolNamer;
import dev.mcpgateway.openapi.parse.ParsedSpec;
import dev.mcpgateway.openapi.parse.SpecReader;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import dev.mcpgateway.openapi.select.OperationSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Imports an OpenAPI 3.0/3.1 or Swagger 2.0 document as MCP tool definitions. Thread-safe and reusable: every
 * call works on its own state. An operation that cannot become a tool is reported in
 * {@link ImportResult#skipped()} with a reason; only a spec that cannot be read at all raises
 * {@link SpecImportException}.
 */
public final class OpenApiImporter {

    private final SpecReader reader;

    /** An importer that may read any local file the process can (the command line's). */
    public OpenApiImporter() {
        this(LocalFiles.ANYWHERE);
    }

    /** An importer whose spec files and referenced files must pass {@code files}. */
    public OpenApiImporter(LocalFiles files) {
        this.reader = new SpecReader(files);
    }

    public ImportResult importSpec(SpecSource source) {
        return importSpec(source, ImportOptions.defaults());
    }

    public ImportResult importSpec(SpecSource source, ImportOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        ParsedSpec spec = reader.read(source, options.allowRemoteRefs());
        SchemaDocument document = new SchemaDocument(spec.document());
        OperationSelector selector = new OperationSelector(options.include(), options.exclude());
        ToolNamer namer = new ToolNamer(options.toolNamePrefix(), options.maxToolNameLength());
        ToolMapper mapper = new ToolMapper(spec, document, options);

        List<ToolDefinition> tools = new ArrayList<>();
        List<SkippedOperation> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>(spec.messages());
        List<OperationRef> operations = new ArrayList<>();
        OperationWalker.walk(document, operations::add, skipped::add);
        for (OperationRef op : operations) {
            String rejection = selector.rejection(op.operationId(), op.tags(), op.path(), op.method());
            if (rejection != null) {
                skipped.add(new SkippedOperation(op.key(), rejection, true));
                continue;
            }
            String name = namer.name(mapper.wantedName(op), op.method(), op.path());
            try {
                ToolDefinition tool = mapper.map(op, name);
                tools.add(tool);
                tool.warnings().forEach(w -> warnings.add(op.key() + ": " + w));
            } catch (RuntimeException | StackOverflowError e) {
                namer.release(name);
                skipped.add(new SkippedOperation(op.key(), reason(e)));
            }
        }
        return new ImportResult(spec.title(), spec.version(), tools, skipped, warnings);
    }

    /** Our own validation messages are safe to show; anything else is named by type only. */
    private static String reason(Throwable e) {
        if (e instanceof IllegalArgumentException || e.getClass().getName().startsWith("dev.mcpgateway.")) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "could not be converted (" + e.getClass().getSimpleName() + ")";
    }
}
