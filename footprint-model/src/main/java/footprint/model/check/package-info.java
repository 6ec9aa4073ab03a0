/**
 * Checking a model: the validator, the problem codes and the {@code Problem} records every reader
 * and check reports (made safe to print when they are made, by {@code SafeText}). Uses {@code
 * footprint.model} and the JDK only.
 */
package footprint.model.check;
