/**
 * The {@code footprint} command: one picocli command per verb, the checks of its flags ({@code
 * Flags}), the files it writes ({@code Outputs}), safe quoting of what the user typed ({@code
 * Quote}) and the exit codes. The outermost edge: it may use every other package, and none uses it.
 */
package footprint.cli;
