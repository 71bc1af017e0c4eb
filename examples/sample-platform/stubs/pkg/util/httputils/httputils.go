// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package httputils stands in for yunion.io/x/pkg/util/httputils.
package httputils

import (
	"net/http"
	"net/url"
	"time"
)

type TransportProxyFunc func(*http.Request) (*url.URL, error)

func GetAdaptiveTimeoutClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}, Timeout: 5 * time.Minute}
}

func SetClientProxyFunc(client *http.Client, proxyFunc TransportProxyFunc) bool {
	ts, ok := client.Transport.(*http.Transport)
	if !ok || proxyFunc == nil {
		return false
	}
	ts.Proxy = proxyFunc
	return true
}
