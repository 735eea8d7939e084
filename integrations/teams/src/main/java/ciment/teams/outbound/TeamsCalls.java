package ciment.teams.outbound;

import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.ActivityTypes;
import java.util.concurrent.CompletableFuture;
import okhttp3.Interceptor;

/**
 * Counts every Bot Connector call Ciment makes (issue 6: Teams calls are free, and counted per community).
 * One per function instance, passed to what makes its clients: the delivery functions' connector clients
 * count each HTTP request ({@link #interceptor()}); the Teams function's adapter counts what a turn sends,
 * updates and deletes ({@link #middleware()}), and a member lookup counts itself (the turn carries its counter).
 */
public final class TeamsCalls {
    /** Counts nothing (tests, tools that meter nothing). */
    public static final TeamsCalls NONE = new TeamsCalls(() -> {
    });
    /** The turn state's key of the adapter's counter, for the lookups a turn makes. */
    private static final String IN_TURN = TeamsCalls.class.getName();

    private final Runnable each;

    /** @param each what each call does to count itself (the functions: add one to the running invocation) */
    public TeamsCalls(Runnable each) {
        this.each = each;
    }

    public void count() {
        each.run();
    }

    /** The counter of the adapter this turn runs on ({@link #middleware()} put it in the turn); none without. */
    public static TeamsCalls of(TurnContext turn) {
        TeamsCalls calls = turn.getTurnState().get(IN_TURN);
        return calls == null ? NONE : calls;
    }

    /** Counts each request a connector client sends (a retry is a request too). */
    Interceptor interceptor() {
        return chain -> {
            count();
            return chain.proceed(chain.request());
        };
    }

    /**
     * For the adapter: each activity a turn sends over the Bot Connector (not the invoke response, which
     * is the HTTP answer, nor traces, which go nowhere outside the emulator), each update, each deletion.
     */
    public Middleware middleware() {
        return (turn, next) -> {
            turn.getTurnState().replace(IN_TURN, this);
            turn.onSendActivities((context, activities, send) -> {
                activities.stream().filter(a -> !ActivityTypes.INVOKE_RESPONSE.equals(a.getType())
                        && !ActivityTypes.TRACE.equals(a.getType())).forEach(a -> count());
                return send.get();
            });
            turn.onUpdateActivity((context, activity, update) -> {
                count();
                return update.get();
            });
            turn.onDeleteActivity((context, reference, delete) -> {
                count();
                return delete.get();
            });
            return next == null ? CompletableFuture.completedFuture(null) : next.next();
        };
    }
}
