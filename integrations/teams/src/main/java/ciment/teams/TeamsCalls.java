package ciment.teams;

import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.schema.ActivityTypes;
import java.util.concurrent.CompletableFuture;
import okhttp3.Interceptor;

/**
 * Counts every Bot Connector call Ciment makes (issue 6: Teams calls are free, and counted per community).
 * One hook per process, set by the function that meters its invocations. The delivery functions' connector
 * clients count each HTTP request ({@link #INTERCEPTOR}); the Teams function's adapter counts what a turn
 * sends, updates and deletes ({@link #middleware()}), and a member lookup counts itself.
 */
public final class TeamsCalls {
    private static volatile Runnable counter = () -> {
    };

    /** Counts each request a connector client sends (a retry is a request too). */
    static final Interceptor INTERCEPTOR = chain -> {
        count();
        return chain.proceed(chain.request());
    };

    private TeamsCalls() {
    }

    /** What each call does to count itself (the functions: add one to the running invocation). */
    public static void countWith(Runnable each) {
        counter = each == null ? () -> {
        } : each;
    }

    static void count() {
        counter.run();
    }

    /**
     * For the adapter: each activity a turn sends over the Bot Connector (not the invoke response, which
     * is the HTTP answer, nor traces, which go nowhere outside the emulator), each update, each deletion.
     */
    public static Middleware middleware() {
        return (turn, next) -> {
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
