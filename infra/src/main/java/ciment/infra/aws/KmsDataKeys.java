package ciment.infra.aws;

import ciment.core.config.Settings;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * Data keys of the stack's KMS key (template.yaml's TokensKey, named by CIMENT_TOKENS_KMS_KEY), each asked for with
 * the one encryption context that the key policy requires of the Slack functions: a data key made for bot tokens
 * opens for nothing else. Decrypt names the key too: a ciphertext of another key is refused rather than opened.
 */
record KmsDataKeys(KmsApi kms, String keyArn) implements DataKeys {
    /** The encryption context of every data key, as template.yaml's key policy names it. */
    static final String CONTEXT_KEY = "purpose";
    static final String CONTEXT_VALUE = "ciment-slack-bot-token";
    /** What KMS answers for a ciphertext that is not one of this key's, or was altered, or has another context. */
    private static final Set<String> DOES_NOT_OPEN = Set.of("InvalidCiphertextException", "IncorrectKeyException");

    static KmsDataKeys fromSettings(Settings settings, String keyArn) {
        return new KmsDataKeys(KmsApi.fromSettings(settings), keyArn);
    }

    @Override
    public DataKey generate() {
        JsonNode made = kms.call("GenerateDataKey", withContext(JsonWriter.create().writeStartObject()
                .writeFieldName("KeyId").writeValue(keyArn)
                .writeFieldName("KeySpec").writeValue("AES_256")));
        return new DataKey(bytes(made, "Plaintext"), bytes(made, "CiphertextBlob"));
    }

    @Override
    public Optional<byte[]> decrypt(byte[] encrypted) {
        try {
            return Optional.of(bytes(kms.call("Decrypt", withContext(JsonWriter.create().writeStartObject()
                    .writeFieldName("KeyId").writeValue(keyArn)
                    .writeFieldName("CiphertextBlob").writeValue(Base64.getEncoder().encodeToString(encrypted)))),
                    "Plaintext"));
        } catch (KmsApi.KmsError refused) {
            if (DOES_NOT_OPEN.contains(refused.type())) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    /** Creates a symmetric key and gives its ARN: for the local runner and tests, on an emulator. */
    static String createKey(Settings settings, String description) {
        JsonNode created = KmsApi.fromSettings(settings).call("CreateKey", JsonWriter.create().writeStartObject()
                .writeFieldName("Description").writeValue(description).writeEndObject().getBytes());
        return created.field("KeyMetadata").map(metadata -> KmsApi.text(metadata, "Arn"))
                .filter(arn -> !arn.isEmpty()).orElseThrow(() -> new IllegalStateException("KMS made a key without an ARN"));
    }

    private static byte[] withContext(JsonWriter request) {
        return request.writeFieldName("EncryptionContext").writeStartObject()
                .writeFieldName(CONTEXT_KEY).writeValue(CONTEXT_VALUE).writeEndObject()
                .writeEndObject().getBytes();
    }

    private static byte[] bytes(JsonNode answer, String field) {
        String base64 = KmsApi.text(answer, field);
        if (base64.isEmpty()) {
            throw new IllegalStateException("KMS answered without " + field);
        }
        return Base64.getDecoder().decode(base64);
    }
}
