package dev.mcpgateway.llm.relay;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** Subscribes only to cancel: releases an upstream stream nobody will read. */
final class CancellingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
    }

    @Override
    public void onError(Throwable throwable) {
    }

    @Override
    public void onComplete() {
    }
}
