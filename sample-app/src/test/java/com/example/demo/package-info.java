/**
 * The app of docs/getting-started.md, tested as the guide shows it.
 */
@NullMarked
package com.example.demo;

import org.jspecify.annotations.NullMarked;
