package dev.mcpgateway.outbound;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;

/** The event loop an exchange runs on and the socket type its transport uses. */
public record OutboundLoop(EventLoop loop, Class<? extends SocketChannel> channelType) {
}
