package dev.mcpgateway.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The completion tokens of whole answers that came without usage, counted with the model's encoding. */
class AnswerTokensTest {

    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private final PromptTokenEstimator estimator = new PromptTokenEstimator();

    private long completion(String model, String answer) {
        return AnswerTokens.completion(estimator, model, answer.getBytes(StandardCharsets.UTF_8));
    }

    private static int o200k(String... texts) {
        int n = 0;
        for (String t : texts) {
            n += O200K.countTokensOrdinary(t);
        }
        return n;
    }

    @Test
    void chatCountsTheMessageOfEveryChoiceWithTheModelsEncoding() {
        String answer = """
                {"choices":[{"index":0,"message":{"role":"assistant","content":"The capital of France is Paris."}},
                            {"index":1,"message":{"role":"assistant","content":"Paris, on the Seine."}}]}""";
        assertEquals(o200k("The capital of France is Paris.", "Paris, on the Seine."), completion("gpt-4o", answer));
        assertEquals(CL100K.countTokensOrdinary("The capital of France is Paris.")
                + CL100K.countTokensOrdinary("Paris, on the Seine."), completion("gpt-4", answer));
    }

    @Test
    void chatToolCallsCountTheirNameAndArguments() {
        String answer = """
                {"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[
                  {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]}}]}""";
        assertEquals(o200k("get_weather", "{\"city\":\"Oslo\"}"), completion("gpt-4o", answer));
    }

    @Test
    void chatContentPartsAndRefusalsAreCounted() {
        String answer = """
                {"choices":[{"message":{"content":[{"type":"text","text":"part one"},{"type":"text","text":" and two"}],
                  "refusal":"I cannot help with that."}}]}""";
        assertEquals(o200k("part one", " and two", "I cannot help with that."), completion("gpt-4o", answer));
    }

    @Test
    void completionsCountTheTextOfEveryChoice() {
        assertEquals(o200k("once upon a time", "there was"),
                completion("gpt-4o", "{\"choices\":[{\"text\":\"once upon a time\"},{\"text\":\"there was\"}]}"));
    }

    @Test
    void responsesCountOutputTextPartsAndFunctionCallsButNotOutputTextTwice() {
        String answer = """
                {"output":[{"type":"message","content":[{"type":"output_text","text":"Hello from responses."}]},
                           {"type":"function_call","name":"lookup","arguments":"{\\"q\\":1}"}],
                 "output_text":"Hello from responses."}""";
        assertEquals(o200k("Hello from responses.", "lookup", "{\"q\":1}"), completion("gpt-4o", answer));
        assertEquals(o200k("only the convenience field"),
                completion("gpt-4o", "{\"output_text\":\"only the convenience field\"}"));
    }

    @Test
    void embeddingsAndNonJsonGenerateNothing() {
        assertEquals(0, completion("text-embedding-3-small",
                "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"embedding\":[0.1,0.2]}]}"));
        assertEquals(0, completion("gpt-4o", "<html>oops</html>"));
    }

    @Test
    void theEstimateIsThePromptPlusTheCompletion() {
        Usage usage = AnswerTokens.estimate(estimator, "gpt-4o",
                "{\"choices\":[{\"text\":\"four words right here\"}]}".getBytes(StandardCharsets.UTF_8), 12);
        assertEquals(12, usage.promptTokens());
        assertEquals(o200k("four words right here"), usage.completionTokens());
        assertEquals(12 + o200k("four words right here"), usage.totalTokens());
    }
}
