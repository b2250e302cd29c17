package lang

import "golang.org/x/text/language"

var danish = Catalog{Tag: language.Danish}
