package org.microneedling.fhir;

import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps content negotiation on the two paths this adapter shares with screening as it was when one
 * method served both formats. Quarkus REST chooses between two methods on one path by media type
 * before any check of Accept, and parses Content-Type while choosing; so, before it does: an Accept
 * that allows neither JSON nor FHIR JSON is a 406, a Content-Type that is no media type is a 400,
 * and for the questionnaire the first of FHIR JSON, JSON or a wildcard in the client's order of
 * preference decides.
 */
class SharedPathNegotiation {

    static final String QUESTIONNAIRE_PATH = "/api/v1/questionnaire";
    static final String SCREENINGS_PATH = "/api/v1/screenings";

    @ServerRequestFilter(preMatching = true)
    void negotiate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean questionnaire = path.equals(QUESTIONNAIRE_PATH) && HttpMethod.GET.equals(request.getMethod());
        boolean screening = path.equals(SCREENINGS_PATH) && HttpMethod.POST.equals(request.getMethod());
        if (!questionnaire && !screening) {
            return;
        }
        if (screening) {
            String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            if (MediaType.APPLICATION_JSON.equals(contentType) && acceptsAnything(request)) {
                // Most screenings: nothing to negotiate, and this runs before every one of them.
                return;
            }
            requireParsableContentType(contentType);
        }
        List<MediaType> acceptable;
        try {
            acceptable = request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            return;
        }
        if (acceptable.stream().noneMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.isCompatible(FhirMediaTypes.FHIR_JSON_TYPE))) {
            throw new NotAcceptableException();
        }
        if (questionnaire && prefersFhir(acceptable)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, FhirMediaTypes.FHIR_JSON);
        }
    }

    private static boolean acceptsAnything(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept == null || MediaType.WILDCARD.equals(accept) || MediaType.APPLICATION_JSON.equals(accept);
    }

    private static void requireParsableContentType(String contentType) {
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType.valueOf(contentType);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException();
            }
        }
    }

    /** The first acceptable type that is FHIR JSON or plain JSON decides; a wildcard keeps plain JSON. */
    private static boolean prefersFhir(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (FhirMediaTypes.isFhirJson(type)) {
                return true;
            }
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return false;
            }
        }
        return false;
    }
}
