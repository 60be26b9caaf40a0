/**
 * The children registry: the record of each child the commune knows, the spans in a special
 * circumstance or at risk, consents, lifecycle (moved away, deceased, merged) and duplicate
 * handling. Every query runs inside the caller's scope; district users see identifiers masked.
 */
package vn.baovetreem.children;
