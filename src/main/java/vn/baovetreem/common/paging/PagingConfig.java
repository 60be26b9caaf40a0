package vn.baovetreem.common.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes for every list ({@code cp.paging.*}). */
@ConfigMapping(prefix = "cp.paging")
public interface PagingConfig {

    /** Size used when the client does not ask for one. */
    @WithDefault("50")
    int defaultSize();

    /** Larger requested sizes are clamped to this. */
    @WithDefault("200")
    int maxSize();
}
