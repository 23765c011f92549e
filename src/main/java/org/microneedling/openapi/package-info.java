/**
 * The OpenAPI document as a client team reads it. The service serves the committed copy
 * (src/main/openapi/openapi.json) with the deployment's address; the tests derive it afresh from the resources with
 * SmallRye and the filters beside them (src/test/java/org/microneedling/openapi) and fail when the two differ
 * (docs/adr/0011-serve-the-committed-api-document.md). Nothing depends on this package.
 */
package org.microneedling.openapi;
