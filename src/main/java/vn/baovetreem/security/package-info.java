/**
 * Who is calling and what they may do: the token's roles and {@code admin_unit} resolved into a
 * {@link vn.baovetreem.security.CurrentUser} and {@link vn.baovetreem.security.Scope}, the
 * {@link vn.baovetreem.security.Operation} table and the one {@link vn.baovetreem.security.AccessPolicy}
 * every use case asks first; also {@code GET /me}.
 */
package vn.baovetreem.security;
