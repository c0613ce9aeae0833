create schema extensions_x;
