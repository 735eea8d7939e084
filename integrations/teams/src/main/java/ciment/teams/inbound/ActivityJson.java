package ciment.teams.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads an activity from JSON: it must have a type, a serviceUrl and a conversation to answer in. */
public final class ActivityJson {
    private ActivityJson() {
    }

    /** The activity in a request body, or null when the body is not one. */
    public static Activity parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = Serialization.jsonToTree(body);
            if (json == null || !json.isObject() || !json.path("type").isTextual()
                    || !json.path("serviceUrl").isTextual() || !json.path("conversation").path("id").isTextual()) {
                return null;
            }
            Activity activity = Serialization.treeToValue(json, Activity.class);
            if (activity != null) {
                activity.setTimestamp(timestamp(json.path("timestamp").asText(null)));
            }
            return activity;
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * The SDK reads timestamps with the pattern ss.n, which takes ".123" as 123 nanoseconds; the
     * timestamp names the post made by this activity, so read it as ISO-8601 says.
     */
    private static OffsetDateTime timestamp(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
