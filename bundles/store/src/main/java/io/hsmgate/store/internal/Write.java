package io.hsmgate.store.internal;

import io.hsmgate.model.spi.DocumentType;

/** One staged change: a document to put, or a delete when {@code document} is null. */
record Write(DocumentType<?> type, String id, Object document) {

    boolean isDelete() {
        return document == null;
    }
}
