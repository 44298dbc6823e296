package org.jiandu.security;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The client address (audit log, public rate limits) comes from {@code X-Forwarded-For} only when the request
 * arrives from a proxy listed in {@code jiandu.trusted-proxies}; Tomcat's default would trust any private or
 * local peer, so anyone on the same network could forge an address and escape the rate limits.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String internalProxies;

    TrustedProxies(@Value("${jiandu.trusted-proxies:}") String trustedProxies) {
        this.internalProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::strip).filter(address -> !address.isEmpty())
                .map(Pattern::quote).collect(Collectors.joining("|"));
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    valve.setInternalProxies(internalProxies);
                    valve.setTrustedProxies(null);
                });
    }

    /** After Spring Boot's own customizer, which adds the valve with Tomcat's default proxies. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
