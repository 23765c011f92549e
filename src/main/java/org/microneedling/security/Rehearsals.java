package org.microneedling.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import org.microneedling.common.ClinicId;

/**
 * The credential of the warm-up's own requests through the HTTP layer before readiness: a random key that exists only
 * in this process's memory while a rehearsal is open, accepted only over a loopback connection and only on
 * {@code POST /api/v1/screenings} with a JSON body. A request it admits is screened but never recorded, and is not written to the
 * access log; nothing a client sends can be taken for one.
 */
@ApplicationScoped
public class Rehearsals {

    /** Carries the key; a request with this header and any other value is refused with 401. */
    public static final String HEADER = "X-Screening-Rehearsal";
    /** The client id of every warm-up screening, through HTTP or not. */
    public static final String CLIENT_ID = "warm-up";
    private static final String REHEARSAL_ATTRIBUTE = "screening.rehearsal";
    /** The one endpoint that answers a rehearsal without recording it; the key is refused everywhere else. */
    public static final String ENDPOINT = "/api/v1/screenings";
    /** The only body a rehearsal carries; the warm-up sends it as this content type. */
    public static final String JSON = "application/json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile byte[] key;

    /** Opens a rehearsal: returns the key its requests carry until {@link #close()}. */
    public synchronized String open() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String opened = HexFormat.of().formatHex(random);
        key = opened.getBytes(StandardCharsets.US_ASCII);
        return opened;
    }

    /** From now on no request is a rehearsal. */
    public synchronized void close() {
        key = null;
    }

    /** Whether the identity is the warm-up's: its screenings are decided and answered, never recorded. */
    public static boolean isRehearsal(SecurityIdentity identity) {
        return identity != null && Boolean.TRUE.equals(identity.getAttribute(REHEARSAL_ATTRIBUTE));
    }

    /**
     * The warm-up's identity when the request carries the open key over a loopback connection to the one endpoint
     * that answers rehearsals without recording them, else null.
     */
    SecurityIdentity identify(String presented, RoutingContext context) {
        byte[] open = key;
        if (open == null || !MessageDigest.isEqual(open, presented.getBytes(StandardCharsets.US_ASCII))
                || !fromLoopback(context) || !rehearsedEndpoint(context)) {
            return null;
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(CLIENT_ID))
                .addRole(Roles.SCREENING)
                .addAttribute(ApiKeyAuthenticationMechanism.CREDENTIAL_ATTRIBUTE, "rehearsal")
                .addAttribute(Caller.CLINIC_ATTRIBUTE, ClinicId.DEFAULT)
                .addAttribute(REHEARSAL_ATTRIBUTE, Boolean.TRUE)
                .build();
    }

    /**
     * Only {@code POST /api/v1/screenings} with a JSON questionnaire knows a rehearsal: a FHIR QuestionnaireResponse on
     * the same path goes to another resource, which would record it, and anywhere else it would be a client like any
     * other.
     */
    private static boolean rehearsedEndpoint(RoutingContext context) {
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return context.request().method() == HttpMethod.POST && ENDPOINT.equals(context.normalizedPath())
                && contentType != null && JSON.equalsIgnoreCase(contentType.split(";", 2)[0].strip());
    }

    /** The socket's own peer, not a forwarded address: a proxy header cannot make a request local. */
    private static boolean fromLoopback(RoutingContext context) {
        SocketAddress peer = context.request().connection().remoteAddress();
        if (peer == null || peer.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(peer.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
