/**
 * Who is calling and what they may do: the token's roles and {@code admin_unit} resolved into a
 * {@link vn.baovetreem.security.CurrentUser} and {@link vn.baovetreem.security.Scope}, the
 * {@link vn.baovetreem.security.Operation} table and the one {@link vn.baovetreem.security.AccessPolicy}
 * every use case asks first; also {@code GET /me}. Around that: identifiers masked for district
 * users ({@link vn.baovetreem.security.IdentifierMasking}, {@link vn.baovetreem.security.MaskedResponses}),
 * answers that confirm a record outside the caller's area counted and limited
 * ({@link vn.baovetreem.security.ScopeProbes}), tokens introspected so that access ends when Keycloak ends
 * it, with the verified identities kept for a few seconds ({@link vn.baovetreem.security.KeptIdentities}),
 * Keycloak's reachability and bounded waits ({@link vn.baovetreem.security.IdentityProviderProbe},
 * {@link vn.baovetreem.security.IdentityProviderWaits}), the scoped SQL every repository builds on
 * ({@link vn.baovetreem.security.ScopedQuery}) and the contract's sign-in pointed at this Keycloak
 * ({@link vn.baovetreem.security.ContractSignIn}).
 */
package vn.baovetreem.security;
