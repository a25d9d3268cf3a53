/**
 * Marking schemes (criteria → sub-criteria → aspects, components) as plain data, and their validation, which reports every problem with its path, rule and severity.
 */
package io.jingsai.scoring.scheme;
