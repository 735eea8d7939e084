package ciment.teams.outbound;

import ciment.core.privacy.PersonalData;
import ciment.core.privacy.PersonalDataJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.FileConsentCard;
import com.microsoft.bot.schema.teams.FileInfoCard;
import com.microsoft.bot.schema.teams.FileUploadInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * export-my-data's file in Teams, as Microsoft documents for bots sending files in a personal chat
 * ("Send and receive files using bot", Teams platform docs): a file consent card asks the person; on
 * accept, Teams gives an upload URL in their OneDrive, where the file is PUT whole (Content-Range
 * {@code bytes 0-<size-1>/<size>}); a file info card then shows it in the chat.
 */
public final class TeamsDataFile {
    public static final String NAME = "ciment-my-data.json";
    /** Marks a consent card's contexts as Ciment's data file: Teams gives them back with the answer. */
    private static final String KIND = "ciment-my-data";
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TeamsDataFile() {
    }

    public static byte[] render(PersonalData data, Instant now) {
        return PersonalDataJson.render(data, now).getBytes(StandardCharsets.UTF_8);
    }

    /** The card asking the person to accept the file (its size as it is now; it is made again on accept). */
    static Attachment consentCard(String description, long sizeInBytes) {
        FileConsentCard card = new FileConsentCard();
        card.setDescription(description);
        card.setSizeInBytes(sizeInBytes);
        card.setAcceptContext(Map.of("kind", KIND));
        card.setDeclineContext(Map.of("kind", KIND));
        Attachment attachment = new Attachment();
        attachment.setContentType(FileConsentCard.CONTENT_TYPE);
        attachment.setName(NAME);
        attachment.setContent(card);
        return attachment;
    }

    /** Whether a consent answer is about Ciment's data file (its context, as the card set it). */
    public static boolean isOurs(Object context) {
        JsonNode node = context == null ? null : Serialization.objectToTree(context);
        return node != null && KIND.equals(node.path("kind").asText(null));
    }

    /**
     * PUTs the file whole to the upload URL Teams gave. Throws when it was not taken (an answer other than
     * 200 or 201, the network).
     */
    public static void upload(String uploadUrl, byte[] file) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl))
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Range", "bytes 0-" + (file.length - 1) + "/" + file.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IOException("the upload URL answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading", e);
        }
    }

    /** The card that shows the uploaded file in the chat. */
    public static Attachment infoCard(FileUploadInfo uploaded) {
        FileInfoCard card = new FileInfoCard();
        card.setUniqueId(uploaded.getUniqueId());
        card.setFileType(uploaded.getFileType());
        Attachment attachment = new Attachment();
        attachment.setContentType(FileInfoCard.CONTENT_TYPE);
        attachment.setContentUrl(uploaded.getContentUrl());
        attachment.setName(uploaded.getName());
        attachment.setContent(card);
        return attachment;
    }
}
