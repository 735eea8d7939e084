package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.PersonRef;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words after a verb, read one at a time while the rest keeps its text exactly as typed (line breaks
 * included). What a verb reads is refused, when missing, with the verb's own form and example.
 */
public final class Words {
    private final String word;
    private final Verb<?> verb;
    private String remaining;

    Words(String word, Verb<?> verb, String remaining) {
        this.word = word;
        this.verb = verb;
        this.remaining = remaining;
    }

    /** The verb's word as typed, lower case ("unreact" for react's verb). */
    public String word() {
        return word;
    }

    public String next() {
        String text = remaining.stripLeading();
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        remaining = text.substring(end);
        return text.substring(0, end);
    }

    public String rest() {
        String text = remaining.strip();
        remaining = "";
        return text;
    }

    /** The form for the word typed: "open &lt;slug&gt;" of "close &lt;slug&gt; / open &lt;slug&gt;". */
    public String form() {
        return choosing(verb.form(), word);
    }

    /** The form with a second word chosen: "steward add &lt;slug&gt; &lt;person&gt;". */
    public String form(String choice) {
        return choosing(form(), choice);
    }

    /** The example for the form: its leading words, then the verb's example ("open data-guild"). */
    public Message example() {
        return example(form());
    }

    public Message example(String form) {
        List<String> lead = new ArrayList<>();
        for (String token : form.split(" ")) {
            if (token.startsWith("<") || token.startsWith("[")) {
                break;
            }
            lead.add(token);
        }
        String words = String.join(" ", lead);
        return verb.example().map(key -> Message.of("help.example", words, Message.of(key)))
                .orElse(Message.verbatim(words));
    }

    /** The community named next. */
    public Slug slug() {
        return slug(form(), example());
    }

    public Slug slug(String form, Message example) {
        String next = next();
        if (next.isEmpty()) {
            throw new Refusal(Message.of("core.words.noCommunity", form, example));
        }
        return Slug.parse(next);
    }

    /** The community, and nothing after it. */
    public Slug only() {
        Slug slug = slug();
        if (!rest().isEmpty()) {
            throw new Refusal(Message.of("core.words.onlyCommunity", word, form()));
        }
        return slug;
    }

    /** The post named next, as shown with each post. */
    public PostRef post() {
        String next = next();
        if (next.isEmpty()) {
            throw new Refusal(Message.of("core.words.noPost", form()));
        }
        return PostRef.parse(next);
    }

    /** The post, and nothing after it. */
    public PostRef onlyPost() {
        PostRef ref = post();
        if (!rest().isEmpty()) {
            throw new Refusal(Message.of("core.words.onlyPost", word, form()));
        }
        return ref;
    }

    /** The person named by the rest: an @mention or an email address. */
    public PersonRef person(String form) {
        String person = rest();
        if (person.isEmpty()) {
            throw new Refusal(Message.of("core.words.noPerson", form));
        }
        return new PersonRef(person);
    }

    /** The rest, which must say something. */
    public String required(String form, Message example) {
        String text = rest();
        if (text.isEmpty()) {
            throw new Refusal(Message.of("core.words.nothingSaid", form, example));
        }
        return text;
    }

    /** Nothing more, or the sentence saying so. */
    public void none(Message sentence) {
        if (!rest().isEmpty()) {
            throw new Refusal(sentence);
        }
    }

    /**
     * The alternative of {@code form} for {@code word}: one of "a &lt;x&gt; / b &lt;x&gt;", or "a|b" made one
     * word; another word of the same verb ("unreact") takes the first word's place.
     */
    static String choosing(String form, String word) {
        for (String alternative : form.split(" / ")) {
            if (alternative.equals(word) || alternative.startsWith(word + " ")) {
                return alternative;
            }
        }
        String[] tokens = form.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].contains("|") && Arrays.asList(tokens[i].split("\\|")).contains(word)) {
                tokens[i] = word;
                return String.join(" ", tokens);
            }
        }
        tokens[0] = word;
        return String.join(" ", tokens);
    }
}
