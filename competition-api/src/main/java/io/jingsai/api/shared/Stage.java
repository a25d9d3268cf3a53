package io.jingsai.api.shared;

import java.util.Set;

/**
 * A status in a life taken one step at a time (an event's, a project evaluation round's), declared in order: a
 * step to an earlier constant is a step back.
 *
 * @param <S> the enum itself
 */
public interface Stage<S extends Enum<S> & Stage<S>> {

    /** The statuses this one may move to; never itself. */
    Set<S> next();
}
