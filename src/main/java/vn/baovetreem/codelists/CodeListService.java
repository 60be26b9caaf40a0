package vn.baovetreem.codelists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;

import java.util.List;

/** Reading the code lists; every authenticated role may. */
@ApplicationScoped
public class CodeListService {

    private final CodeListCatalog catalog;
    private final AccessPolicy access;

    CodeListService(CodeListCatalog catalog, AccessPolicy access) {
        this.catalog = catalog;
        this.access = access;
    }

    /** The catalogue's version and the lists without their entries. */
    public record Catalog(String version, List<CodeList> items) {
    }

    @Transactional
    public Catalog list() {
        access.check(Operation.READ_CODE_LISTS);
        return new Catalog(catalog.version(), catalog.summaries());
    }

    @Transactional
    public CodeList get(String name) {
        access.check(Operation.READ_CODE_LISTS);
        return catalog.find(name).orElseThrow(() -> new ApiException.NotFound("Code list", name));
    }
}
