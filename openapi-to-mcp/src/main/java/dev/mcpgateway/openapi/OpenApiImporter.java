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
import java.util.function.Function;

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
        ToolMapper mapper = new ToolMapper(spec, document, options);
        Run run = new Run(new ToolNamer(options.toolNamePrefix(), options.maxToolNameLength()));
        run.warnings.addAll(spec.messages());
        spec.messages().forEach(m -> run.report.add(ImportWarning.of(ImportWarning.SPEC, m, null)));

        List<OperationRef> operations = new ArrayList<>();
        OperationWalker.walk(document, operations::add, run.skipped::add);
        for (OperationRef op : operations) {
            String rejection = selector.rejection(op.operationId(), op.tags(), op.path(), op.method());
            if (rejection != null) {
                run.skipped.add(new SkippedOperation(op.key(), rejection, true));
                continue;
            }
            List<String> variants = options.unionBodies() == UnionBodies.SPLIT ? mapper.bodyVariantNames(op)
                    : List.of();
            if (variants.isEmpty()) {
                String name = run.namer.name(mapper.wantedName(op), op.method(), op.path());
                run.tool(op, op.key(), name, findings -> mapper.map(op, name, findings));
            }
            for (String variant : variants) {
                String name = run.namer.variantName(mapper.wantedName(op), op.method(), op.path(), variant);
                run.tool(op, op.key() + "#" + variant, name, findings -> mapper.map(op, name, findings, variant));
            }
        }
        // operations left out by the operator's selection are a choice, not a finding
        run.skipped.stream().filter(s -> !s.excluded()).forEach(s -> run.report.add(s.operation(),
                ImportWarning.of(ImportWarning.SKIPPED_OPERATION, s.reason(), null)));
        return new ImportResult(spec.title(), spec.version(), run.tools, run.skipped, run.warnings,
                run.report.warnings());
    }

    /** The state of one import. */
    private record Run(ToolNamer namer, List<ToolDefinition> tools, List<SkippedOperation> skipped,
                       List<String> warnings, ImportReport report) {

        Run(ToolNamer namer) {
            this(namer, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ImportReport());
        }

        /** One tool, its findings reported under its operation; or the skip that says why it could not be made. */
        void tool(OperationRef op, String key, String name, Function<List<ImportWarning>, ToolDefinition> mapping) {
            List<ImportWarning> findings = new ArrayList<>();
            try {
                ToolDefinition tool = mapping.apply(findings);
                tools.add(tool);
                tool.warnings().forEach(w -> warnings.add(op.key() + ": " + w));
                findings.forEach(f -> report.add(op.key(), f));
            } catch (RuntimeException | StackOverflowError e) {
                namer.release(name);
                skipped.add(new SkippedOperation(key, reason(e)));
            }
        }
    }

    /** Our own validation messages are safe to show; anything else is named by type only. */
    private static String reason(Throwable e) {
        if (e instanceof IllegalArgumentException || e.getClass().getName().startsWith("dev.mcpgateway.")) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "could not be converted (" + e.getClass().getSimpleName() + ")";
    }
}
