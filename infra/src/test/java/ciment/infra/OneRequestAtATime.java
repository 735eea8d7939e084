package ciment.infra;

import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets one request at a time reach moto. DynamoDB runs each request, a transaction included, as one
 * atomic step; moto's threaded server does not: a cancelled transaction restores a copy of the whole
 * table taken before it began, undoing what other requests wrote meanwhile. Sending requests one by
 * one gives the tests DynamoDB's guarantee back, while the reads and writes of racing store calls
 * still interleave as they would on AWS.
 */
final class OneRequestAtATime implements ExecutionInterceptor {
    private static final Semaphore MOTO = new Semaphore(1, true);
    private static final ExecutionAttribute<Boolean> HOLDING = new ExecutionAttribute<>("ciment.moto.holding");

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        MOTO.acquireUninterruptibly();
        attributes.putAttribute(HOLDING, true);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private static void release(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(HOLDING))) {
            attributes.putAttribute(HOLDING, false);
            MOTO.release();
        }
    }
}
