package ciment.teams.inbound;

import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.teams.outbound.TeamsCalls;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Who a Teams @mention names, as Ciment keys Teams accounts. A mention carries only the Teams user id
 * (29:...), while Ciment keys people by their AAD object id: the Bot Connector's member lookup gives it.
 * The tenant is the conversation's, as for the sender of a message (see {@link TeamsCallers#caller}), so
 * a mention names the very account that person's own messages come from. The same lookup introduces
 * someone mentioned who never used Ciment (their name, email address, and whether they are a guest).
 */
public final class TeamsDirectory implements Directory {
    private static final Set<Integer> NOT_A_MEMBER = Set.of(400, 404);

    private final List<MentionText.Mention> mentions;
    private final String tenant;
    private final Function<String, Optional<TeamsChannelAccount>> members;
    private final TeamsIntroduction introductions;
    /** The members this turn's mentions resolved to: introducing one of them asks the Bot Connector no more. */
    private final Map<ChatAccount, TeamsChannelAccount> found = new HashMap<>();

    /**
     * @param members looks a member up by Teams user id (or AAD object id); empty when the Bot Connector
     *                knows no such member here (a tag, a channel, someone outside the conversation)
     */
    public TeamsDirectory(List<MentionText.Mention> mentions, String tenant,
            Function<String, Optional<TeamsChannelAccount>> members, TeamsIntroduction introductions) {
        this.mentions = List.copyOf(mentions);
        this.tenant = tenant;
        this.members = members;
        this.introductions = introductions;
    }

    /** For the message of this turn: its mentions, its tenant, and the Bot Connector of its serviceUrl. */
    static TeamsDirectory of(TurnContext turn, List<MentionText.Mention> mentions, TeamsIntroduction introductions) {
        return new TeamsDirectory(mentions, TeamsCallers.tenantOf(turn.getActivity()), memberId -> member(turn, memberId),
                introductions);
    }

    @Override
    public Optional<ChatAccount> accountOf(String token) {
        List<String> ids = mentions.stream()
                .filter(mention -> mention.token().equals(token.strip()))
                .map(MentionText.Mention::memberId)
                .distinct()
                .toList();
        if (ids.size() != 1) {
            return Optional.empty(); // not a mention, or two people mentioned under the same name
        }
        return members.apply(ids.get(0)).flatMap(member -> {
            String userId = firstText(member.getAadObjectId(), member.getId());
            if (userId == null) {
                return Optional.empty();
            }
            ChatAccount account = new ChatAccount(Platform.TEAMS, tenant, userId);
            found.put(account, member);
            return Optional.of(account);
        });
    }

    /**
     * The people this message @mentions that the text names (their {@code @Their Name} tokens, as
     * {@link #accountOf} takes them), in the order the text names them, each once.
     */
    @Override
    public List<String> mentionsIn(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return mentions.stream()
                .map(MentionText.Mention::token)
                .distinct()
                .filter(text::contains)
                .sorted(java.util.Comparator.comparingInt(text::indexOf))
                .toList();
    }

    /**
     * Someone a command mentions who never used Ciment, as the member lookup describes them. Empty when
     * the account is not of this conversation's tenant, or the Bot Connector does not know or cannot say.
     */
    @Override
    public Optional<Introduction> introduce(ChatAccount account) {
        if (account.platform() != Platform.TEAMS || !account.workspace().equals(tenant)) {
            return Optional.empty();
        }
        Optional<TeamsChannelAccount> member = Optional.ofNullable(found.get(account));
        if (member.isEmpty()) {
            try {
                member = members.apply(account.userId()); // the Bot Connector also finds members by AAD object id
            } catch (RuntimeException failed) {
                return Optional.empty(); // Ciment then asks the person to send help first
            }
        }
        return member.map(m -> introductions.of(null, m, tenant));
    }

    /** In a team, TeamsInfo asks the team's roster; elsewhere, the conversation's. */
    static Optional<TeamsChannelAccount> member(TurnContext turn, String memberId) {
        TeamsCalls.of(turn).count();
        try {
            return Optional.ofNullable(TeamsInfo.getMember(turn, memberId).join());
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof ErrorResponseException error && error.response() != null
                    && NOT_A_MEMBER.contains(error.response().code())) {
                return Optional.empty(); // not a member here (404), or not a person at all (a tag, a channel)
            }
            throw failed; // refused or failed (401, 5xx...): the activity fails and may be delivered again
        }
    }

    private static String firstText(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
