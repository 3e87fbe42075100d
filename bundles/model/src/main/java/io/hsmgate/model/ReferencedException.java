package io.hsmgate.model;

import java.util.List;
import java.util.stream.Collectors;

/** The item cannot be deleted while other items refer to it; {@link #referrers()} lists them. */
public class ReferencedException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    private final ItemRef item;
    private final List<ItemRef> referrers;

    public ReferencedException(ItemRef item, List<ItemRef> referrers) {
        super(item + " is still used by " + referrers.stream().map(ItemRef::toString).collect(Collectors.joining(", "))
                + "; change or delete those first");
        this.item = item;
        this.referrers = List.copyOf(referrers);
    }

    public ItemRef item() {
        return item;
    }

    public List<ItemRef> referrers() {
        return referrers;
    }
}
