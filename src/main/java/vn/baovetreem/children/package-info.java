/**
 * The children registry: the record of each child the commune knows, the spans in a special
 * circumstance or at risk, consents, lifecycle (moved away, deceased, merged) and duplicate
 * handling. Every query runs inside the caller's scope; district users see identifiers masked.
 * Also here: name search ({@link vn.baovetreem.children.NameSearch}), the checks and bulk writes of
 * imported children and spans ({@link vn.baovetreem.children.ChildImport},
 * {@link vn.baovetreem.children.EpisodeImport}; the jobs themselves live in {@code imports}), a child's
 * personal-data report ({@link vn.baovetreem.children.PersonalDataReports}) and the retention rule that
 * anonymises a record once it has been kept long enough after the child left care
 * ({@link vn.baovetreem.children.Retention}).
 */
package vn.baovetreem.children;
