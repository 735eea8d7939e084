package ciment.infra.dynamo;

import static ciment.infra.dynamo.Items.AT;
import static ciment.infra.dynamo.Items.EXPIRES_AT;
import static ciment.infra.dynamo.Items.TEXT;
import static ciment.infra.dynamo.Items.n;
import static ciment.infra.dynamo.Items.optional;
import static ciment.infra.dynamo.Items.recipient;
import static ciment.infra.dynamo.Items.str;
import static ciment.infra.dynamo.Keys.s;

import ciment.core.i18n.Language;
import ciment.core.model.Notice;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Notices in the outbox to items and back. */
final class NoticeItems {
    static final String PERSONAL_DATA_OF = "personalDataOf";
    static final String ABOUT_POST = "aboutPost";
    /** The language the text is said in (absent: written before notices had one, in English). */
    static final String LANGUAGE = "language";
    /** The announcement a notice tells ({@code <community id>/<day>}): its delivery counts it reached. */
    static final String ANNOUNCEMENT = "announcement";

    private NoticeItems() {
    }

    /**
     * A notice in the outbox: its recipient's fields at the top level (the stream filters match on
     * {@code platform}), the text and its language, when it was written, and when DynamoDB may delete it (epoch
     * seconds).
     */
    static Map<String, AttributeValue> notice(Notice n, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.outbox(n.id()));
        item.putAll(recipient(n.to()));
        item.put(TEXT, s(n.text()));
        item.put(LANGUAGE, s(n.language().code()));
        item.put(AT, s(n.at().toString()));
        item.put(EXPIRES_AT, n(expiresAt.getEpochSecond()));
        if (n.carriesPersonalData()) {
            item.put(PERSONAL_DATA_OF, s(n.personalDataOf()));
        }
        if (n.isAboutPost()) {
            item.put(ABOUT_POST, s(n.post()));
        }
        if (n.isAnnouncement()) {
            item.put(ANNOUNCEMENT, s(n.announcement()));
        }
        // Under the account it is for, in the keys-only index: erasing the person deletes it.
        item.put(Keys.GSI2_PK, s(Keys.identity(n.to().account())));
        item.put(Keys.GSI2_SK, s(Keys.OUTBOX_PREFIX + n.id()));
        return item;
    }

    static Notice notice(Map<String, AttributeValue> item) {
        return new Notice(Keys.idIn(str(item, Keys.PK), Keys.OUTBOX_PREFIX), recipient(item), str(item, TEXT),
                Instant.parse(str(item, AT)), optional(item, PERSONAL_DATA_OF).orElse(null),
                optional(item, ABOUT_POST).orElse(null),
                optional(item, LANGUAGE).flatMap(Language::ofTag).orElse(Language.ENGLISH),
                optional(item, ANNOUNCEMENT).orElse(null));
    }
}
