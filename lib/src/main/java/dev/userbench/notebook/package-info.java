/**
 * What a notebook cell calls, so that a cell reads like the measurement it makes: {@link Notebook} takes the
 * kernel's {@code display} and {@code updateDisplay} once and shows text, tables, charts and SQL without returning
 * anything; {@link NotebookDatabase} hands out a connection that is reopened when a clean-up cell closed it;
 * {@link Run} is a named result that a failed or interrupted run empties, so later cells say which cell to run
 * instead of drawing an earlier run's data; {@link ProgressBar} tells warm-up from measurement and says when a
 * run stopped. Kernel-neutral: only the two display functions that IJava, JJava and our kernel share are used.
 */
package dev.userbench.notebook;
