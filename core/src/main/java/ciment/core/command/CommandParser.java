package ciment.core.command;

import ciment.core.Refusal;
import ciment.core.model.PostRef;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.model.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the words after `/ciment` (Slack) or sent to the bot (Teams, mention already removed).
 * A command that cannot be read is refused with one sentence showing the right form.
 */
public final class CommandParser {
    static final int MAX_TAGS = 10;
    /** How the word that asks for a feed's next page starts. */
    public static final String MORE = "more:";
    static final int MAX_EMOJI = 40;

    private CommandParser() {
    }

    public static Command parse(String text) {
        Words words = new Words(text == null ? "" : text.strip());
        String verb = words.next().toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "", "help", "?" -> new Command.Help();
            case "create" -> create(words);
            case "join" -> new Command.Join(slug(words, "join <slug>", "join data-guild"));
            case "leave" -> new Command.Leave(slug(words, "leave <slug>", "leave data-guild"));
            case "communities" -> new Command.Discover(words.rest());
            case "info" -> new Command.Info(only(words, "info <slug>", "info data-guild"));
            case "post" -> post(words);
            case "ask" -> ask(words);
            case "accept" -> new Command.Accept(onlyPost(words, "accept <post>"));
            case "questions" -> questions(words);
            case "pin", "unpin" -> new Command.Pin(onlyPost(words, verb + " <post>"), verb.equals("pin"));
            case "knowledge" -> new Command.Knowledge(slug(words, "knowledge <slug> [query]", "knowledge data-guild sql"),
                    words.rest());
            case "feed" -> feed(words);
            case "reply" -> new Command.ReplyTo(postRef(words, "reply <post> <text>"),
                    text(words, "reply <post> <text>", "Write something to reply"));
            case "thread" -> new Command.Thread(onlyPost(words, "thread <post>"));
            case "react", "unreact" -> react(words, verb);
            case "edit" -> new Command.Edit(postRef(words, "edit <post> <text>"),
                    text(words, "edit <post> <text>", "Write the new text"));
            case "delete" -> new Command.Delete(onlyPost(words, "delete <post>"));
            case "hide" -> hide(words);
            case "audit" -> new Command.Audit(only(words, "audit <slug>", "audit data-guild"));
            case "link" -> new Command.LinkChannel(only(words, "link <slug>", "link data-guild"));
            case "unlink" -> unlink(words);
            case "links" -> new Command.Links(only(words, "links <slug>", "links data-guild"));
            case "open", "close" -> new Command.SetOpen(only(words, verb + " <slug>", verb + " data-guild"), verb.equals("open"));
            case "archive", "restore" -> new Command.SetArchived(only(words, verb + " <slug>", verb + " data-guild"),
                    verb.equals("archive"));
            case "requests" -> new Command.Requests(only(words, "requests <slug>", "requests data-guild"));
            case "approve", "decline" -> decide(words, verb);
            case "steward" -> steward(words);
            case "invite" -> invite(words);
            case "tags" -> tags(words);
            case "purpose" -> purpose(words);
            case "whoami" -> new Command.WhoAmI();
            case "roles", "skills" -> declare(words, verb);
            case "who" -> new Command.Who(Topic.of(required(words.rest(), "who <skill>", "who accessibility")));
            case "export-my-data" -> exportMyData(words);
            case "erase-my-data" -> eraseMyData(words);
            case "costs" -> FinanceWords.costs(words.rest());
            case "budget" -> FinanceWords.budget(slug(words, "budget <slug> <amount>", "budget data-guild 25"),
                    words.rest());
            case "grant" -> FinanceWords.grant(words.next(), words.rest());
            default -> throw unknown(verb);
        };
    }

    private static Command create(Words words) {
        Slug slug = slug(words, "create <slug> <purpose>", "create data-guild Sharing data tips across teams");
        return new Command.Create(slug, purposeOf(words, slug, "create"));
    }

    private static Command purpose(Words words) {
        Slug slug = slug(words, "purpose <slug> <text>", "purpose data-guild Sharing data tips across teams");
        return new Command.Purpose(slug, purposeOf(words, slug, "purpose"));
    }

    private static String purposeOf(Words words, Slug slug, String verb) {
        String purpose = words.rest();
        if (purpose.isEmpty()) {
            throw new Refusal("Say what " + slug + " is for: " + verb + " " + slug + " <purpose>, for example “" + verb
                    + " " + slug + " Sharing data tips across teams”.");
        }
        if (Text.length(purpose) > Text.PURPOSE_MAX) {
            throw new Refusal("A purpose holds at most " + Text.PURPOSE_MAX + " characters and yours has "
                    + Text.length(purpose) + ": shorten it.");
        }
        return purpose;
    }

    private static Command post(Words words) {
        Slug slug = slug(words, "post <slug> <text>", "post data-guild Who knows a good SQL formatter?");
        return new Command.PostTo(slug, postText(words, "Write something to post: post " + slug + " <text>."));
    }

    private static Command ask(Words words) {
        Slug slug = slug(words, "ask <slug> <question>", "ask data-guild Who knows a good SQL formatter?");
        return new Command.Ask(slug, postText(words, "Write the question: ask " + slug + " <question>."));
    }

    private static Command unlink(Words words) {
        if (!words.rest().isEmpty()) {
            throw new Refusal("unlink takes nothing more: send unlink alone, in the channel to unlink.");
        }
        return new Command.UnlinkChannel();
    }

    private static Command questions(Words words) {
        Slug slug = slug(words, "questions <slug> [unanswered]", "questions data-guild unanswered");
        String rest = words.rest();
        if (!rest.isEmpty() && !rest.equalsIgnoreCase("unanswered")) {
            throw new Refusal("questions takes the community, then unanswered or nothing: questions " + slug
                    + " unanswered.");
        }
        return new Command.Questions(slug, !rest.isEmpty());
    }

    private static String postText(Words words, String whenEmpty) {
        String text = words.rest();
        if (text.isEmpty()) {
            throw new Refusal(whenEmpty);
        }
        if (Text.length(text) > Text.POST_MAX) {
            throw new Refusal("A post holds at most " + String.format(Locale.ROOT, "%,d", Text.POST_MAX)
                    + " characters and yours has " + String.format(Locale.ROOT, "%,d", Text.length(text))
                    + ": shorten it, or split it into two posts.");
        }
        return text;
    }

    private static PostRef postRef(Words words, String form) {
        String word = words.next();
        if (word.isEmpty()) {
            throw new Refusal("Name the post: " + form + ", with the #id shown with each post.");
        }
        return PostRef.parse(word);
    }

    private static PostRef onlyPost(Words words, String form) {
        PostRef ref = postRef(words, form);
        if (!words.rest().isEmpty()) {
            throw new Refusal(form.substring(0, form.indexOf(' ')) + " takes only the post: " + form + ".");
        }
        return ref;
    }

    /** A post's or reply's text: not empty, and no longer than a post. */
    private static String text(Words words, String form, String ask) {
        String text = words.rest();
        if (text.isEmpty()) {
            throw new Refusal(ask + ": " + form + ".");
        }
        if (Text.length(text) > Text.POST_MAX) {
            throw new Refusal("A post holds at most " + String.format(Locale.ROOT, "%,d", Text.POST_MAX)
                    + " characters and yours has " + String.format(Locale.ROOT, "%,d", Text.length(text))
                    + ": shorten it.");
        }
        return text;
    }

    /** An emoji by its name, with or without colons (:tada: or tada), or the character itself. */
    private static Command react(Words words, String verb) {
        String form = verb + " <post> <emoji>";
        PostRef ref = postRef(words, form);
        String emoji = words.rest();
        String name = emoji.length() > 1 && emoji.startsWith(":") && emoji.endsWith(":")
                ? emoji.substring(1, emoji.length() - 1) : emoji;
        if (name.isEmpty() || name.length() > MAX_EMOJI || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '#')) {
            throw new Refusal("Name one emoji: " + form + ", for example “" + verb + " " + ref + " :tada:”.");
        }
        return new Command.React(ref, name.toLowerCase(Locale.ROOT), verb.equals("react"));
    }

    private static Command hide(Words words) {
        PostRef ref = postRef(words, "hide <post> <reason>");
        String reason = words.rest();
        if (reason.isEmpty()) {
            throw new Refusal("Say why, for the author and the audit trail: hide " + ref + " <reason>.");
        }
        if (Text.length(reason) > Text.PURPOSE_MAX) {
            throw new Refusal("A reason holds at most " + Text.PURPOSE_MAX + " characters: shorten it.");
        }
        return new Command.Hide(ref, reason);
    }

    /** feed, feed <slug>, and either followed by the "more:" word a page ends with. */
    private static Command feed(Words words) {
        String word = words.next();
        Optional<Slug> slug = word.isEmpty() || word.startsWith(MORE) ? Optional.empty() : Optional.of(Slug.parse(word));
        String more = slug.isPresent() ? words.next() : word;
        if (!words.rest().isEmpty() || !(more.isEmpty() || more.startsWith(MORE) && more.length() > MORE.length())) {
            throw new Refusal("feed takes one community at most: feed " + slug.map(Slug::value).orElse("<slug>")
                    + ", or feed alone for all yours.");
        }
        return new Command.Feed(slug, more.isEmpty() ? Optional.empty() : Optional.of(more.substring(MORE.length())));
    }

    private static Command decide(Words words, String verb) {
        String form = verb + " <slug> <person>";
        Slug slug = slug(words, form, verb + " data-guild @ada");
        return new Command.Decide(slug, person(words, form), verb.equals("approve"));
    }

    private static Command steward(Words words) {
        String action = words.next().toLowerCase(Locale.ROOT);
        if (!action.equals("add") && !action.equals("remove")) {
            throw new Refusal("Say steward add or steward remove, for example “steward add data-guild @ada”.");
        }
        String form = "steward " + action + " <slug> <person>";
        Slug slug = slug(words, form, "steward " + action + " data-guild @ada");
        return new Command.Steward(slug, person(words, form), action.equals("add"));
    }

    private static Command invite(Words words) {
        String form = "invite <slug> <person>";
        Slug slug = slug(words, form, "invite data-guild @ada");
        return new Command.Invite(slug, person(words, form));
    }

    private static Command tags(Words words) {
        Slug slug = slug(words, "tags <slug> <tag ...>", "tags data-guild analytics sql");
        String rest = required(words.rest(), "tags " + slug + " <tag ...>", "tags " + slug + " analytics sql");
        // Commas separate tags of several words ("data science, sql"); otherwise each word is a tag.
        String[] typed = rest.contains(",") ? rest.split(",") : rest.split("\\s+");
        List<Topic> tags = new ArrayList<>();
        for (String tag : typed) {
            if (!tag.isBlank()) {
                Topic topic = Topic.of(tag);
                if (tags.stream().noneMatch(t -> t.key().equals(topic.key()))) {
                    tags.add(topic);
                }
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new Refusal("A community has at most " + MAX_TAGS + " tags; you gave " + tags.size() + ".");
        }
        return new Command.Tags(slug, tags);
    }

    private static Command declare(Words words, String verb) {
        Command.Declared kind = verb.equals("roles") ? Command.Declared.ROLE : Command.Declared.SKILL;
        String action = words.next().toLowerCase(Locale.ROOT);
        if (action.isEmpty()) {
            return new Command.ListDeclared();
        }
        if (!action.equals("add") && !action.equals("remove")) {
            throw new Refusal("Say " + verb + " add <text> or " + verb + " remove <text>, or " + verb
                    + " alone to see yours.");
        }
        String example = kind == Command.Declared.ROLE ? "onboarding buddy" : "accessibility";
        String text = required(words.rest(), verb + " " + action + " <text>", verb + " " + action + " " + example);
        return new Command.Declare(kind, Topic.of(text), action.equals("add"));
    }

    private static Command exportMyData(Words words) {
        if (!words.rest().isEmpty()) {
            throw new Refusal("export-my-data takes nothing more: send export-my-data alone.");
        }
        return new Command.ExportMyData();
    }

    /** Only the exact word confirm erases: anything else could be a slip. */
    private static Command eraseMyData(Words words) {
        String rest = words.rest();
        if (rest.isEmpty()) {
            return new Command.EraseMyData(false);
        }
        if (rest.equalsIgnoreCase("confirm")) {
            return new Command.EraseMyData(true);
        }
        throw new Refusal("Send erase-my-data to see what it deletes, then erase-my-data confirm to delete it.");
    }

    private static PersonRef person(Words words, String form) {
        String person = words.rest();
        if (person.isEmpty()) {
            throw new Refusal("Name the person: " + form + ", with an @mention or an email address.");
        }
        return new PersonRef(person);
    }

    /** A command taking one community and nothing else. */
    private static Slug only(Words words, String form, String example) {
        Slug slug = slug(words, form, example);
        if (!words.rest().isEmpty()) {
            throw new Refusal(form.substring(0, form.indexOf(' ')) + " takes only the community: " + form + ".");
        }
        return slug;
    }

    private static String required(String text, String form, String example) {
        if (text.isEmpty()) {
            throw new Refusal("Say what: " + form + ", for example “" + example + "”.");
        }
        return text;
    }

    private static Slug slug(Words words, String form, String example) {
        String word = words.next();
        if (word.isEmpty()) {
            throw new Refusal("Name the community: " + form + ", for example “" + example + "”.");
        }
        return Slug.parse(word);
    }

    private static Refusal unknown(String verb) {
        if (Grammar.LATER.contains(verb)) {
            return new Refusal("“" + verb + "” is not available yet in this version of Ciment: send help to see what is.");
        }
        return new Refusal("I don't know “" + verb + "”: send help to see the commands.");
    }

    /** Splits off leading words while keeping the rest of the text exactly as typed (line breaks included). */
    private static final class Words {
        private String remaining;

        Words(String text) {
            this.remaining = text;
        }

        String next() {
            String text = remaining.stripLeading();
            int end = 0;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            remaining = text.substring(end);
            return text.substring(0, end);
        }

        String rest() {
            String text = remaining.strip();
            remaining = "";
            return text;
        }
    }
}
