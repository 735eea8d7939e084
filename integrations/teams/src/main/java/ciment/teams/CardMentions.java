package ciment.teams;

import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people a card @mentions. A mention is Teams' own way to reach someone from a bot's card: the name
 * opens their profile card, with a chat button. It is made by AAD object id, which Teams accepts in a
 * bot's Adaptive Cards ("Microsoft Entra Object ID and UPN in user mention", Format cards in Teams), or
 * by the Teams user id of an account known only by it. Only accounts of the reader's tenant are
 * mentioned: an id means nothing to another organisation's Teams.
 */
final class CardMentions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String tenant;
    private final ArrayNode entities = JSON.arrayNode();
    private final Map<String, String> textById = new HashMap<>();
    private final Map<String, String> idByText = new HashMap<>();

    /** @param tenant the tenant of the person who will read the card */
    CardMentions(String tenant) {
        this.tenant = tenant;
    }

    /** The Teams account to mention for this person, when they have one in the reader's tenant. */
    Optional<ChatAccount> teamsAccount(List<ChatAccount> accounts) {
        return accounts.stream()
                .filter(account -> account.platform() == Platform.TEAMS && account.workspace().equals(tenant))
                .findFirst();
    }

    /**
     * The person's name as a mention ({@code <at>Name</at>}) when they can be mentioned here, or empty.
     * Two people of the same name get distinct texts, so that each text names one entity.
     */
    Optional<String> mention(String name, List<ChatAccount> accounts) {
        return teamsAccount(accounts).map(account -> textFor(account.userId(), name == null ? "" : name.strip()));
    }

    /** The mention, or the name in bold. */
    String nameOf(String name, List<ChatAccount> accounts) {
        return mention(name, accounts).orElseGet(() -> "**" + AdaptiveCards.escape(name) + "**");
    }

    /** Adds the mentions made so far to the card (Teams reads them from msteams.entities). */
    void addTo(ObjectNode card) {
        if (!entities.isEmpty()) {
            card.putObject("msteams").set("entities", entities);
        }
    }

    private String textFor(String id, String name) {
        String known = textById.get(id);
        if (known != null) {
            return known;
        }
        String text = "<at>" + name + "</at>";
        for (int n = 2; idByText.containsKey(text); n++) {
            text = "<at>" + name + " (" + n + ")</at>";
        }
        textById.put(id, text);
        idByText.put(text, id);
        ObjectNode entity = entities.addObject();
        entity.put("type", "mention");
        entity.put("text", text);
        entity.putObject("mentioned").put("id", id).put("name", name);
        return text;
    }
}
