package ciment.functions.deliveryframe;

import ciment.core.port.Senders;
import ciment.delivery.DeadLetters;
import ciment.delivery.Deliveries;
import ciment.infra.lambda.DeliveryTable;
import ciment.infra.lambda.LambdaFrame;
import ciment.infra.lambda.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What both delivery functions are but for their senders: {@link Deliveries} of the table's stream through one chat
 * tool's {@link Senders}, into the workspaces the deployment serves only, each record's work metered as its
 * community's, the records given up kept as dead letters that name the function (AWS_LAMBDA_FUNCTION_NAME, else
 * ciment-&lt;tool&gt;-delivery), and SnapStart primed. Made once per container: the table's client and the senders'
 * clients are kept with it.
 */
public final class DeliveryFrame {
    private final LambdaFrame frame;
    private final Deliveries deliveries;

    private DeliveryFrame(LambdaFrame frame, Deliveries deliveries) {
        this.frame = frame;
        this.deliveries = deliveries;
    }

    /**
     * Last in a delivery function's constructor.
     *
     * @param serving the workspaces (Slack team ids, Teams tenants) the deployment serves: see {@link Deliveries#servingOnly}
     * @param senders the tool's senders, on the table (its people, personal records, copies, installs)
     */
    public static DeliveryFrame start(LambdaFrame frame, DeliveryTable table, Predicate<String> serving,
            Function<DeliveryTable, Senders> senders) {
        Senders tool = senders.apply(table);
        DeadLetters deadLetters = DeadLetters.fromSettings(frame.settings(),
                "ciment-" + tool.platform().key() + "-delivery", table.deadLetters());
        Deliveries deliveries = new Deliveries(table.delivery(tool), table::notice, table::post, deadLetters)
                .servingOnly(serving).meteredBy(table.usage()::within)
                .announcing(table::announcement, table.fanOut(tool.channels()), tool.platform());
        frame.started(table.usage(), table::prime, Deliveries.REQUEST_CLASSES);
        return new DeliveryFrame(frame, deliveries);
    }

    /** One batch of the table's stream, metered; the records to retry in its batch item failures. */
    public StreamsEventResponse handle(DynamodbEvent event, Context context) {
        return frame.batch(context, timeLeft -> deliveries.handle(event, timeLeft));
    }

    /** This container's SnapStart hooks. */
    public SnapStartPriming priming() {
        return frame.priming();
    }
}
