create schema scratch;
