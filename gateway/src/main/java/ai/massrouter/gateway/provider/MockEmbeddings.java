package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The offline mock's embeddings: for each input a unit vector of {@link #DIMENSIONS} (or the
 * request's {@code dimensions}) floats, drawn from a generator seeded by the SHA-256 of the input,
 * so the same text always gets the same vector and different texts different ones. Prompt tokens
 * follow {@code TokenEstimate} (token-id inputs: one token per id).
 */
final class MockEmbeddings {

    static final int DIMENSIONS = 256;
    static final int MAX_DIMENSIONS = 3072;

    private MockEmbeddings() {
    }

    static EmbeddingResult embed(ObjectNode request, String upstreamModel) {
        int dimensions = request.path("dimensions").canConvertToInt()
                ? Math.min(Math.max(request.path("dimensions").asInt(), 1), MAX_DIMENSIONS) : DIMENSIONS;
        boolean base64 = request.path("encoding_format").asText("float").equals("base64");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        long tokens = 0;
        JsonNode input = request.path("input");
        JsonNode items = input.isArray() && !input.path(0).isIntegralNumber() ? input
                : JsonNodeFactory.instance.arrayNode().add(input);
        for (JsonNode item : items) {
            String text = item.isTextual() ? item.asText() : item.toString();
            tokens += item.isTextual() ? TokenEstimate.text(text) : item.size();
            float[] vector = vector(text, dimensions);
            ObjectNode embedding = data.addObject().put("object", "embedding").put("index", data.size() - 1);
            if (base64) {
                ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : vector) {
                    bytes.putFloat(v);
                }
                embedding.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
            } else {
                ArrayNode values = embedding.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
        }
        body.put("model", upstreamModel);
        body.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return new EmbeddingResult(body, tokens);
    }

    static float[] vector(String text, int dimensions) {
        SplittableRandom random = new SplittableRandom(ByteBuffer.wrap(sha256(text)).getLong());
        double[] raw = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            raw[i] = random.nextDouble(-1, 1);
            norm += raw[i] * raw[i];
        }
        float[] unit = new float[dimensions];
        double length = Math.sqrt(norm);
        for (int i = 0; i < dimensions; i++) {
            unit[i] = (float) (raw[i] / length);
        }
        return unit;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
