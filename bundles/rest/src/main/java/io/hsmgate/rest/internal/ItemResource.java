package io.hsmgate.rest.internal;

import io.hsmgate.model.Actor;
import io.hsmgate.model.ConfigurationException;
import io.hsmgate.model.ItemType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One kind of configuration item as the CRUD routes need it: where it lives in the URL space, its input
 * record, the model calls that list, read, create, update and delete it, and how to wipe the secrets of an
 * input once the model has copied them.
 *
 * @param path the collection path, e.g. "/hsm-connections"
 * @param type the model's item type, for messages
 * @param inputType the model's *Input record, bound from the request body
 * @param list lists the candidate items
 * @param read reads one candidate item
 * @param create creates an item
 * @param update updates an item based on a version
 * @param delete deletes an item based on a version
 * @param idOf the id of an item
 * @param versionOf the version of an item
 * @param wipeSecrets clears the char[] secrets of an input
 */
record ItemResource<T, I>(
        String path,
        ItemType type,
        Class<I> inputType,
        Supplier<List<T>> list,
        Function<UUID, Optional<T>> read,
        Create<T, I> create,
        Update<T, I> update,
        Delete delete,
        Function<T, UUID> idOf,
        Function<T, Long> versionOf,
        Consumer<I> wipeSecrets) {

    @FunctionalInterface
    interface Create<T, I> {
        T create(I input, Actor actor) throws ConfigurationException;
    }

    @FunctionalInterface
    interface Update<T, I> {
        T update(UUID id, long basedOnVersion, I input, Actor actor) throws ConfigurationException;
    }

    @FunctionalInterface
    interface Delete {
        void delete(UUID id, long basedOnVersion, Actor actor) throws ConfigurationException;
    }
}
