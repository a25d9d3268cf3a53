package io.jingsai.api.web;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** Who a request comes from, as sign-in and the public look-ups count failures by it. */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /** The peer's address (the proxy's, unless forwarded headers are configured to be trusted), or "unknown". */
    public static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
