package lang

// catalogs are the supported languages, English (the default and the
// reference) first. To add a language, write its catalog file (copy
// de.go: the same keys, its own words, the source of each term beside it)
// and add one line here.
var catalogs = []*Catalog{
	&english,
	&german,
	&dutch,
	&danish,
}
