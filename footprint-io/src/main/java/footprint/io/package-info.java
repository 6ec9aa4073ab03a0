/**
 * Reading and writing models: YAML, JSON and Excel trees bound to the model, scenarios applied,
 * every problem placed at its file, line and column, and the read limits that keep hostile files
 * out. Uses {@code footprint.model} and the parsing libraries; no solver, no command line.
 */
package footprint.io;
