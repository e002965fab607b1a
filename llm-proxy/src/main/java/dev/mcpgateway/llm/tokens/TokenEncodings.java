package dev.mcpgateway.llm.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;

/**
 * The tokenizer of a model family: o200k_base for gpt-4o, gpt-4.1, gpt-4.5, gpt-5 and the o-series;
 * cl100k_base for gpt-4, gpt-3.5 (Azure's {@code gpt-35-*} too) and the embedding models. A model we do not
 * recognise (often an Azure deployment name) gets o200k_base, the encoding of every current OpenAI model.
 */
public final class TokenEncodings {

    private static final List<String> O200K = List.of("gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5",
            "gpt-oss", "o1", "o3", "o4");
    private static final List<String> CL100K = List.of("gpt-4", "gpt-3.5", "gpt-35", "text-embedding-");

    private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

    /** The encoding type for a model or deployment name (case-insensitive prefix match, newest first). */
    public static EncodingType typeFor(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT).trim();
        for (String prefix : O200K) {
            if (m.startsWith(prefix)) {
                return EncodingType.O200K_BASE;
            }
        }
        for (String prefix : CL100K) {
            if (m.startsWith(prefix)) {
                return EncodingType.CL100K_BASE;
            }
        }
        return EncodingType.O200K_BASE;
    }

    /** The (cached, thread-safe) encoding for a model. */
    public Encoding forModel(String model) {
        return registry.getEncoding(typeFor(model));
    }
}
