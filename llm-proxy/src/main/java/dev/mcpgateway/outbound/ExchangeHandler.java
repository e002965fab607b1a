package dev.mcpgateway.outbound;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;

/**
 * The last handler of an upstream connection: passes what the connection reads to the exchange using it right now.
 * An idle pooled connection has none; whatever it reads then (a late byte, a close) only ends it.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {

    private Exchange current;

    static ExchangeHandler of(io.netty.channel.Channel channel) {
        return channel.pipeline().get(ExchangeHandler.class);
    }

    void attach(Exchange exchange) {
        current = exchange;
    }

    void detach(Exchange exchange) {
        if (current == exchange) {
            current = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = current;
        if (exchange == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        try {
            exchange.onMessage(msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.onFailure(new ClosedChannelException());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (current != null) {
            current.onFailure(cause);
        }
        ctx.close();
    }
}
