/**
 * Code lists (danh mục): every enumerated vocabulary of the API with its stable code and its
 * Vietnamese and English labels, shipped as data in {@code codelists/code-lists.json} and served
 * read-only. Features validate codes against these lists.
 */
package vn.baovetreem.codelists;
