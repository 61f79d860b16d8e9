package ai.massrouter.api.model;

/** How a catalog list is ordered; {@code PRICE} is the sum of the input and output prices per million. */
public enum ModelSort {
    POPULARITY, PRICE, NAME
}
