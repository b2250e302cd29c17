package lang

import "golang.org/x/text/language"

var german = Catalog{Tag: language.German}
