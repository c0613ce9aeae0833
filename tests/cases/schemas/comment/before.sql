create schema reports;
