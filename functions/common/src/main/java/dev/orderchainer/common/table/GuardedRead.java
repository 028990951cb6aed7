package dev.orderchainer.common.table;


/**
 * One item read in the same consistent round trip as a guard item that decides whether it may be
 * answered at all (the session's revocation entry): the item, decoded, and whether the guard exists.
 */
public record GuardedRead<T>(T item, boolean guardExists) {}
