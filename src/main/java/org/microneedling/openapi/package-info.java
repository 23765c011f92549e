/**
 * The OpenAPI document as a client team reads it: filters over what SmallRye derives from the resources (and
 * META-INF/openapi.yaml) that name every operation, state its security, and give every schema the contract's names,
 * enumerations, required and nullable properties. Nothing depends on this package.
 */
package org.microneedling.openapi;
