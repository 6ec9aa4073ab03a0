/**
 * The domain model at the centre of Footprint: immutable records of plants, products, markets,
 * lanes, trade rules and their figures (each a point, range or distribution with its source), and
 * the field catalogue that the validator and the format docs are made from. Uses the JDK only: no
 * files, no solver, no logging.
 */
package footprint.model;
